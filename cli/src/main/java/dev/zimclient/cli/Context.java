package dev.zimclient.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** What a run of the command line is given: its streams, terminal, environment and stop signal. */
record Context(PrintWriter out, PrintWriter err, Terminal terminal, Map<String, String> env, InputStream stdin, StopSignal stop) {}
