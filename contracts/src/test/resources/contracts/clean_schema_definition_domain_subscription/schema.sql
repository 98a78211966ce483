-- A newsletter subscription: a domain type that happens to be named Subscription.
CREATE TABLE tb_subscription (
    pk_subscription  INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    fk_user          INTEGER NOT NULL REFERENCES tb_user (pk_user),
    topic            TEXT NOT NULL
);

CREATE VIEW v_subscription AS
SELECT s.id,
       jsonb_build_object('id', s.id::text, 'topic', s.topic) AS data
FROM tb_subscription s;
