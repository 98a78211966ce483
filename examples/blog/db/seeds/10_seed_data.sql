-- Seed data for the blog example (a path component named "seeds" marks it as seed data
-- for Confiture). Fixed UUIDs and timestamps keep the data deterministic; foreign keys
-- are resolved from identifiers, never from hard-coded pk_* values.

-- Users: alice and bob write posts; carol has none (v_user_with_posts gives her []),
-- and no bio/avatar_url (exercises nullable fields).
INSERT INTO tb_user (id, identifier, email, username, full_name, bio, avatar_url, is_active, created_at, updated_at)
VALUES
    ('a0000000-0000-4000-8000-000000000001', 'alice', 'alice@example.com', 'alice', 'Alice Johnson',
     'Software engineer and tech blogger', 'https://example.com/avatars/alice.png', true,
     '2025-01-10T09:00:00Z', '2025-01-10T09:00:00Z'),
    ('a0000000-0000-4000-8000-000000000002', 'bob', 'bob@example.com', 'bob', 'Bob Smith',
     'Database enthusiast', NULL, true,
     '2025-01-11T09:00:00Z', '2025-01-11T09:00:00Z'),
    ('a0000000-0000-4000-8000-000000000003', 'carol', 'carol@example.com', 'carol', 'Carol White',
     NULL, NULL, false,
     '2025-01-12T09:00:00Z', '2025-01-12T09:00:00Z');

-- Posts: two by alice (one unpublished draft), one by bob without an excerpt. The first one's slug is the
-- walkthrough's (createPost's slug argument), shorter than its identifier.
INSERT INTO tb_post (id, identifier, fk_user, title, slug, content, excerpt, tags, is_published, published_at, created_at, updated_at)
VALUES
    ('b0000000-0000-4000-8000-000000000001', 'getting-started-with-fraiseql',
     (SELECT pk_user FROM tb_user WHERE identifier = 'alice'),
     'Getting Started with FraiseQL', 'getting-started-fraiseql',
     'FraiseQL makes GraphQL development a breeze: write views, get an API.',
     'Learn how to build GraphQL APIs with FraiseQL',
     ARRAY['graphql', 'python', 'tutorial'], true, '2025-02-01T10:00:00Z',
     '2025-02-01T09:00:00Z', '2025-02-01T10:00:00Z'),
    ('b0000000-0000-4000-8000-000000000002', 'cqrs-in-postgresql',
     (SELECT pk_user FROM tb_user WHERE identifier = 'alice'),
     'CQRS in PostgreSQL', 'cqrs-in-postgresql',
     'Draft: separate tb_ write tables from v_ read views.',
     'Why write tables and read views should be separate',
     ARRAY['postgresql', 'cqrs'], false, NULL,
     '2025-02-05T09:00:00Z', '2025-02-05T09:00:00Z'),
    ('b0000000-0000-4000-8000-000000000003', 'jsonb-tips-and-tricks',
     (SELECT pk_user FROM tb_user WHERE identifier = 'bob'),
     'JSONB Tips and Tricks', 'jsonb-tips-and-tricks',
     'jsonb_build_object, jsonb_agg and FILTER: everything you need for views.',
     NULL,
     '{}', true, '2025-02-03T12:00:00Z',
     '2025-02-03T11:00:00Z', '2025-02-03T12:00:00Z');

-- Comments: a top-level comment, a reply to it, and a comment on bob's post.
INSERT INTO tb_comment (id, identifier, fk_post, fk_user, fk_parent_comment, content, is_edited, created_at, updated_at)
VALUES
    ('c0000000-0000-4000-8000-000000000001', 'comment-bob-on-getting-started',
     (SELECT pk_post FROM tb_post WHERE identifier = 'getting-started-with-fraiseql'),
     (SELECT pk_user FROM tb_user WHERE identifier = 'bob'),
     NULL,
     'Great article! Very helpful.', false,
     '2025-02-02T08:00:00Z', '2025-02-02T08:00:00Z'),
    ('c0000000-0000-4000-8000-000000000003', 'comment-alice-on-jsonb-tips',
     (SELECT pk_post FROM tb_post WHERE identifier = 'jsonb-tips-and-tricks'),
     (SELECT pk_user FROM tb_user WHERE identifier = 'alice'),
     NULL,
     'The FILTER clause trick saved me a lot of NULLs.', true,
     '2025-02-04T08:00:00Z', '2025-02-04T09:30:00Z');

-- The reply is inserted separately so its parent already exists.
INSERT INTO tb_comment (id, identifier, fk_post, fk_user, fk_parent_comment, content, is_edited, created_at, updated_at)
VALUES
    ('c0000000-0000-4000-8000-000000000002', 'comment-alice-reply-to-bob',
     (SELECT pk_post FROM tb_post WHERE identifier = 'getting-started-with-fraiseql'),
     (SELECT pk_user FROM tb_user WHERE identifier = 'alice'),
     (SELECT pk_comment FROM tb_comment WHERE identifier = 'comment-bob-on-getting-started'),
     'Thanks Bob, glad it helped!', false,
     '2025-02-02T09:00:00Z', '2025-02-02T09:00:00Z');

-- Refresh the query-side projections.
SELECT sync_tv_post();
SELECT sync_tv_user();
SELECT sync_tv_comment();
SELECT sync_tv_author_stats();
