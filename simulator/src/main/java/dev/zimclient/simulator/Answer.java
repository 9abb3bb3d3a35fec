package dev.zimclient.simulator;

/** An answer ready for the wire: the JSON body and what the HTTP layer needs to know of it. */
record Answer(String requestId, int code, byte[] json) {}
