-- The critic's rating as the site wrote it ("7.0/10", "B+", "★★★½"), shown beside its
-- five-point value; NULL for recaps stored before it was kept, which show the value alone.
ALTER TABLE recaps ADD COLUMN critic_rating_display TEXT;
