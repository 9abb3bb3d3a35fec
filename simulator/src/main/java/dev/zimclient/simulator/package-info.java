/**
 * A local ZIM gateway driven by the spec: {@link dev.zimclient.simulator.ZimSimulator} in
 * process, {@link dev.zimclient.simulator.ZimSimulatorExtension} for JUnit 5 and
 * {@link dev.zimclient.simulator.ZimSimulatorMain} standalone.
 */
package dev.zimclient.simulator;
