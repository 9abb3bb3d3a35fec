/**
 * A local ZIM gateway driven by the spec: {@link dev.zimclient.simulator.ZimSimulator}, run in
 * process by tests and by the {@code zim simulator} command. It depends on neither the client nor
 * JUnit; the JUnit 5 extension that joins the three is in {@code zim-test-support}.
 */
package dev.zimclient.simulator;
