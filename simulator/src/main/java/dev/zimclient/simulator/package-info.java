/**
 * A local ZIM gateway driven by the spec: {@link dev.zimclient.simulator.ZimSimulator} in
 * process and {@link dev.zimclient.simulator.ZimSimulatorMain} standalone. It depends on neither
 * the client nor JUnit; the JUnit 5 extension that joins the three is in {@code zim-test-support}.
 */
package dev.zimclient.simulator;
