package org.fedbridge.validator.federation;

import java.nio.file.Path;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.dkg.DkgOutcome;
import org.fedbridge.validator.dkg.DkgService;
import org.fedbridge.validator.dkg.FederationSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code bridge.validator.federation.spec} set, the service runs (or resumes) that DKG in the
 * background once it is up, unless its federation is already confirmed; the key is used only after
 * the log confirms it and the chains activate it. An unreadable spec stops start-up.
 */
@Component
class FirstStartDkg {
  private static final Logger LOG = LoggerFactory.getLogger(FirstStartDkg.class);

  private final ValidatorProperties properties;
  private final DkgService dkg;

  FirstStartDkg(ValidatorProperties properties, DkgService dkg) {
    this.properties = properties;
    this.dkg = dkg;
    Path spec = properties.federation().spec();
    if (spec != null && !FederationSpec.read(spec).isOk()) {
      throw new IllegalStateException(
          "bridge.validator.federation.spec: "
              + ((Result.Err<FederationSpec>) FederationSpec.read(spec)).detail());
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Path file = properties.federation().spec();
    if (file == null) {
      return;
    }
    FederationSpec spec = FederationSpec.read(file).orThrow();
    if (dkg.federation(spec.epoch())
        .filter(f -> f.sessionId().equals(spec.config().sessionId()))
        .isPresent()) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              DkgOutcome outcome = dkg.run(spec);
              LOG.info("DKG for epoch {} from {}: {}", spec.epoch(), file, outcome);
            },
            "first-start-dkg");
    t.setDaemon(true);
    t.start();
  }
}
