package dev.zimclient.simulator;

import java.util.Set;

/** The names of the parameters every request carries in its query. */
final class PublicParams {

  static final String ACTION = "Action";
  static final String APP_ID = "AppId";
  static final String NONCE = "SignatureNonce";
  static final String TIMESTAMP = "Timestamp";
  static final String VERSION = "SignatureVersion";
  static final String SIGNATURE = "Signature";

  static final Set<String> ALL = Set.of(ACTION, APP_ID, NONCE, TIMESTAMP, VERSION, SIGNATURE);

  /** The only signature version ZIM defines. */
  static final String SUPPORTED_VERSION = "2.0";

  private PublicParams() {}
}
