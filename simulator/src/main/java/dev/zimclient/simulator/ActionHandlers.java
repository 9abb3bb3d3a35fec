package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ActionSpec;
import dev.zimclient.simulator.spec.Pagination;
import dev.zimclient.simulator.spec.ReturnCodeCatalog;
import dev.zimclient.simulator.spec.SpecCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Picks each action's handler, most particular first: a test's own handler; the built-in state
 * semantics of rooms, users and groups; for a paginated action, its listing (from state, from
 * seeded items, else the success example's items) cut into pages; else the success example. All
 * but a test's own handler are preceded by the not-found checks of {@link ExistenceChecks}.
 */
final class ActionHandlers {

  private ActionHandlers() {}

  /** Actions whose listing comes from state, which seeded items would contradict. */
  static Set<String> listedFromState() {
    return stateListings().keySet();
  }

  static Map<String, ActionHandler> build(
      SpecCatalog spec,
      Map<String, ActionHandler> custom,
      SeededListings seeded,
      Map<String, Integer> pageSizes,
      Map<String, ParameterErrorCodes> parameterCodes) {
    ReturnCodeCatalog catalog = spec.returnCodes();
    Map<String, HandlerFactory> stateful = new HashMap<>();
    stateful.putAll(RoomActions.handlers());
    stateful.putAll(UserActions.handlers());
    stateful.putAll(GroupActions.handlers());
    Map<String, ListingSource> listings = stateListings();
    ExistenceChecks existence = new ExistenceChecks(catalog);

    Map<String, ActionHandler> handlers = new HashMap<>();
    for (ActionSpec action : spec.actions().values()) {
      ActionHandler handler = custom.get(action.name());
      if (handler == null) {
        HandlerFactory factory = stateful.get(action.name());
        if (factory != null) {
          handler = factory.create(catalog);
        } else if (action.pagination().isPresent()) {
          Pagination pagination = action.pagination().get();
          ListingSource source = listings.get(action.name());
          if (source == null) {
            source = seeded.has(action.name())
                ? seeded.sourceFor(action.name())
                : SeededListings.exampleOf(action, pagination);
          }
          Pager pager = new Pager(action, pageSizes.get(action.name()), parameterCodes.get(action.name()).generic());
          handler = new PagedHandler(source, pager);
        } else {
          handler = ActionRequest::specSuccess;
        }
        handler = existence.wrap(action, handler);
      }
      handlers.put(action.name(), handler);
    }
    return handlers;
  }

  private static Map<String, ListingSource> stateListings() {
    Map<String, ListingSource> listings = new HashMap<>();
    listings.putAll(RoomActions.listings());
    listings.putAll(GroupActions.listings());
    return listings;
  }
}
