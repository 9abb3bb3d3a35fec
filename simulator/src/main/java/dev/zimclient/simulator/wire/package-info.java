/** Decoding of what clients send: raw query strings and JSON bodies. */
package dev.zimclient.simulator.wire;
