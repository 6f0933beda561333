-- pgbench's vote transaction (the scale benchmark's second ceiling): the statements the API sends
-- for `vote`, in its order (IdeasService.vote: count the vote against the rate limit, follow the
-- idea, insert the vote — its trigger checks and counts it, locking the idea's row until COMMIT —,
-- read the idea and announce it live in the same statement), with the ids looked up by number in the benchmark's own
-- tables. A member who already votes for the idea inserts nothing.
-- `-D hot=1`: every client votes for the same idea, the next one every 100 ms (a popular idea, as
-- the API's benchmark votes: many members for one idea, then the next); `hot=0`: a random idea.
\set u random(1, :users)
\if :hot
SELECT 1 + floor(extract(epoch FROM clock_timestamp()) * 10)::bigint % :ideas AS i
\gset
\else
\set i random(1, :ideas)
\endif
BEGIN;
INSERT INTO rate_limit_hits AS counted (key, window_start, hits)
SELECT 'vote:user:' || id, date_trunc('milliseconds', now()), 1 FROM bench.users WHERE n = :u
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN counted.window_start <= now() - make_interval(secs => 600) THEN 1 ELSE counted.hits + 1 END,
  window_start = CASE WHEN counted.window_start <= now() - make_interval(secs => 600)
                      THEN date_trunc('milliseconds', now()) ELSE counted.window_start END
RETURNING key, window_start, hits;
INSERT INTO follows (user_id, subject_type, subject_id, following)
SELECT bu.id, 'IDEA', bi.id, true FROM bench.users bu, bench.ideas bi WHERE bu.n = :u AND bi.n = :i
ON CONFLICT (user_id, subject_type, subject_id) DO UPDATE SET following = true;
INSERT INTO idea_votes (idea_id, user_id)
SELECT bi.id, bu.id FROM bench.ideas bi JOIN ideas i ON i.id = bi.id, bench.users bu
 WHERE bi.n = :i AND bu.n = :u AND i.status NOT IN ('LAUNCHED', 'DECLINED', 'MERGED')
   AND NOT EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = bi.id AND v.user_id = bu.id AND v.withdrawn_at IS NULL);
-- The API's announcement, under a topic nobody listens to.
SELECT i.id, i.thread_id, t.space_id, t.title, i.status, i.votes_count, i.campaign_id,
       pg_notify('parvis_live', json_build_object('topic', 'bench:votes',
         'data', json_build_object('ideaId', i.id, 'campaignId', i.campaign_id))::text)
  FROM ideas i JOIN threads t ON t.id = i.thread_id WHERE i.id = (SELECT id FROM bench.ideas WHERE n = :i);
COMMIT;
