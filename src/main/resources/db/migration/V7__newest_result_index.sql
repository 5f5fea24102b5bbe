-- A start restores each check's newest result with one lookup per check: the first entry of this index for its
-- location and check (newest start first, the later insert first on a tie). It replaces V6's ascending index on
-- the same columns, whose queries (a check's results since an instant, newest first) it serves as well.
DROP INDEX probe_result_location_check;
CREATE INDEX probe_result_location_check_newest ON probe_result (location, check_id, started_at DESC, id DESC);
