package io.sentinel.alert;

import io.sentinel.rules.Verdict;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert path's beans as the routes see them ({@code alertRouter}, {@code alertDelivery}): they stay bound for the
 * daemon's life, while the router and delivery behind them exist only while this instance leads. A single instance
 * leads from its start. Whatever reaches a follower (a verdict in the moment leadership passed) is dropped: the leader
 * decides from the database and the locations' views, not from a follower's verdicts.
 */
public final class LeaderAlertPath {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderAlertPath.class);
    private static final Decision NOTHING = new Decision(null, List.of(), List.of());

    private volatile AlertRouter router;
    private volatile AlertDelivery delivery;

    /** This instance leads, with these. */
    public void lead(AlertRouter leadingRouter, AlertDelivery leadingDelivery) {
        this.router = leadingRouter;
        this.delivery = leadingDelivery;
    }

    /** This instance no longer leads. */
    public void follow() {
        this.router = null;
        this.delivery = null;
    }

    public boolean isLeading() {
        return router != null;
    }

    /** {@link AlertRouter#route}, while this instance leads. */
    public Decision route(Verdict verdict) {
        AlertRouter current = router;
        if (current == null) {
            if (!verdict.isEmpty()) {
                LOG.debug("Not leading: a verdict of {} event(s) is left to the leader", verdict.events().size());
            }
            return NOTHING;
        }
        return current.route(verdict);
    }

    /** {@link AlertRouter#incidentTimers}, while this instance leads. */
    public Decision incidentTimers() {
        AlertRouter current = router;
        return current == null ? NOTHING : current.incidentTimers();
    }

    /** {@link AlertDelivery#housekeep}, while this instance leads. */
    public void housekeep() {
        AlertDelivery current = delivery;
        if (current != null) {
            current.housekeep();
        }
    }
}
