/**
 * JUnit 5 support for tests against the simulator: {@link
 * dev.zimclient.testsupport.ZimSimulatorExtension}.
 *
 * <p>A package of its own rather than {@code dev.zimclient.simulator}: each package then lives in
 * exactly one artifact, so the jars also work on the module path (which refuses a package split
 * across two jars), and an import says which artifact a test needs. The simulator itself stays
 * free of JUnit and of the client it serves; this is the one place that joins them.
 */
package dev.zimclient.testsupport;
