package dev.zimclient.simulator;

/** Serves a paginated action: its listing for the request, cut into the page asked for. */
final class PagedHandler implements ActionHandler {

  private final ListingSource source;
  private final Pager pager;

  PagedHandler(ListingSource source, Pager pager) {
    this.source = source;
    this.pager = pager;
  }

  @Override
  public ActionResult handle(ActionRequest request) {
    return pager.page(request, source.list(request));
  }
}
