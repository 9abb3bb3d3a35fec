/**
 * The spec as the simulator reads it: actions, parameters with their schema rules, rate limits,
 * success examples and the return-code catalogue. Only {@code SpecReader} knows swagger-parser.
 */
package dev.zimclient.simulator.spec;
