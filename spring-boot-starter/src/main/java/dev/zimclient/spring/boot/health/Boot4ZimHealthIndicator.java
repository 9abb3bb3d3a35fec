package dev.zimclient.spring.boot.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code zim} health indicator on Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
public final class Boot4ZimHealthIndicator implements HealthIndicator {
  private final ZimCallHealth calls;

  public Boot4ZimHealthIndicator(ZimCallHealth calls) {
    this.calls = calls;
  }

  @Override
  public Health health() {
    ZimCallHealth.Snapshot snapshot = calls.snapshot();
    return (snapshot.up() ? Health.up() : Health.down()).withDetails(snapshot.details()).build();
  }
}
