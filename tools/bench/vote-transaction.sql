-- pgbench's vote transaction (the scale benchmark's second ceiling): the statements the API sends
-- for `vote` (IdeasService.vote: read the idea, insert the vote — its trigger checks and counts it —,
-- follow the idea, count the vote against the rate limit, announce it live), with the ids looked
-- up by number in the benchmark's own tables. A member who already votes for the idea inserts nothing.
\set i random(1, :ideas)
\set u random(1, :users)
BEGIN;
SELECT i.id, i.thread_id, t.space_id, t.title, i.status, i.votes_count, i.campaign_id
  FROM ideas i JOIN threads t ON t.id = i.thread_id WHERE i.id = (SELECT id FROM bench.ideas WHERE n = :i);
INSERT INTO idea_votes (idea_id, user_id)
SELECT bi.id, bu.id FROM bench.ideas bi JOIN ideas i ON i.id = bi.id, bench.users bu
 WHERE bi.n = :i AND bu.n = :u AND i.status NOT IN ('LAUNCHED', 'DECLINED', 'MERGED')
   AND NOT EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = bi.id AND v.user_id = bu.id AND v.withdrawn_at IS NULL);
INSERT INTO follows (user_id, subject_type, subject_id, following)
SELECT bu.id, 'IDEA', bi.id, true FROM bench.users bu, bench.ideas bi WHERE bu.n = :u AND bi.n = :i
ON CONFLICT (user_id, subject_type, subject_id) DO UPDATE SET following = true;
INSERT INTO rate_limit_hits AS counted (key, window_start, hits)
SELECT 'vote:user:' || id, date_trunc('milliseconds', now()), 1 FROM bench.users WHERE n = :u
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN counted.window_start <= now() - make_interval(secs => 600) THEN 1 ELSE counted.hits + 1 END,
  window_start = CASE WHEN counted.window_start <= now() - make_interval(secs => 600)
                      THEN date_trunc('milliseconds', now()) ELSE counted.window_start END
RETURNING key, window_start, hits;
SELECT pg_notify('parvis_live', '{"topic":"ideaVotes","data":{}}');
SELECT i.id, i.status, i.votes_count FROM ideas i WHERE i.id = (SELECT id FROM bench.ideas WHERE n = :i);
COMMIT;
