/** The simulator's loopback HTTP/1.1 server; used through {@code ZimSimulator}, not directly. */
package dev.zimclient.simulator.http;
