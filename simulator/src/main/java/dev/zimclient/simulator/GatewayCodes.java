package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.ReturnCodeCatalog;

/**
 * The gateway's return codes, looked up by name in the spec's catalogue once at start, so that
 * the numbers live in the spec alone and a spec missing one fails at start rather than mid-test.
 */
record GatewayCodes(
    int actionEmpty,
    int actionUnsupported,
    int badAppId,
    int secretUnavailable,
    int versionEmpty,
    int versionUnsupported,
    int nonceEmpty,
    int timestampEmpty,
    int timestampBadFormat,
    int signatureEmpty,
    int signatureExpired,
    int signatureWrong,
    int invalidParameter,
    int serverBusy,
    int internalError) {

  static GatewayCodes from(ReturnCodeCatalog catalog) {
    return new GatewayCodes(
        catalog.code("ACTION_EMPTY"),
        catalog.code("ACTION_UNSUPPORTED"),
        catalog.code("BAD_APP_ID"),
        catalog.code("SERVER_SECRET_UNAVAILABLE"),
        catalog.code("SIGNATURE_VERSION_EMPTY"),
        catalog.code("SIGNATURE_VERSION_UNSUPPORTED"),
        catalog.code("SIGNATURE_NONCE_EMPTY"),
        catalog.code("TIMESTAMP_EMPTY"),
        catalog.code("TIMESTAMP_BAD_FORMAT"),
        catalog.code("SIGNATURE_EMPTY"),
        catalog.code("SIGNATURE_EXPIRED"),
        catalog.code("SIGNATURE_WRONG"),
        catalog.code("INVALID_PARAMETER"),
        catalog.code("SERVER_BUSY"),
        catalog.code("GATEWAY_INTERNAL_ERROR"));
  }
}
