package io.sentinel.rules;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeResult;
import java.util.List;

/** A rule that looks at every result of a check besides its thresholds, e.g. its readings against limits. */
public interface ResultRule {

    /** The events this result raises or resolves, oldest first; empty when nothing changed. */
    List<AlertEvent> apply(CheckConfig check, ProbeResult result);
}
