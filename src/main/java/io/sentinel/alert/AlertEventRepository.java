package io.sentinel.alert;

import java.util.List;

/** Where alert events are kept, for incident timelines and the API. */
public interface AlertEventRepository {

    void save(AlertEvent event);

    List<AlertEvent> recent(int limit);
}
