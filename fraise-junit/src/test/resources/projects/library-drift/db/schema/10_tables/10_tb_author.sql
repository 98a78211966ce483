-- Authors: the address lives in a JSONB profile, whose structure no static check can see.
CREATE TABLE tb_author (
    pk_author INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID DEFAULT gen_random_uuid() NOT NULL UNIQUE,
    name TEXT NOT NULL,
    profile JSONB NOT NULL DEFAULT '{}'
);
