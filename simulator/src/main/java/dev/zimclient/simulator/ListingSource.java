package dev.zimclient.simulator;

/**
 * Where a paginated action's items come from for one request: the simulator's state (a room's
 * users, a group's members), items a test seeded, or the spec's success example.
 */
@FunctionalInterface
interface ListingSource {

  Listing list(ActionRequest request);
}
