package dev.zimclient.simulator;

import java.util.Optional;

/** One step of the gateway's checks: a rejection, or empty to pass the call on. */
interface Check {

  Optional<Outcome> apply(Call call);
}
