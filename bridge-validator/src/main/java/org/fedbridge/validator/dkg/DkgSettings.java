package org.fedbridge.validator.dkg;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long this member waits in a DKG ({@code bridge.validator.dkg.*}). Local clocks only decide
 * when this member votes "timed out"; rounds end where the log says (t such votes, or n "done").
 *
 * @param roundTimeout how long after a round opens this member votes "timed out" for it
 * @param sessionTimeout how long a run may take before this process gives up (the session stays
 *     resumable: running the command again continues from the log)
 * @param poll how long one read of the topic waits for records
 */
public record DkgSettings(
    @NotNull @DefaultValue("20s") Duration roundTimeout,
    @NotNull @DefaultValue("10m") Duration sessionTimeout,
    @NotNull @DefaultValue("200ms") Duration poll) {}
