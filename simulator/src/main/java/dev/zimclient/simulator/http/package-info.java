/**
 * The simulator's HTTP/1.1 server, Jetty's core server behind a raw request/response interface;
 * used through {@code ZimSimulator}, not directly.
 */
package dev.zimclient.simulator.http;
