package dev.zimclient.spring.boot.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code zim} health indicator on Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
public final class Boot3ZimHealthIndicator implements HealthIndicator {
  private final ZimCallHealth calls;

  public Boot3ZimHealthIndicator(ZimCallHealth calls) {
    this.calls = calls;
  }

  @Override
  public Health health() {
    ZimCallHealth.Snapshot snapshot = calls.snapshot();
    return (snapshot.up() ? Health.up() : Health.down()).withDetails(snapshot.details()).build();
  }
}
