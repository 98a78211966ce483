-- Books: every book has an author.
CREATE TYPE genre AS ENUM ('NOVEL', 'POETRY');

CREATE TABLE tb_book (
    pk_book INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id UUID DEFAULT gen_random_uuid() NOT NULL UNIQUE,
    fk_author INTEGER NOT NULL REFERENCES tb_author (pk_author),
    title TEXT NOT NULL,
    genre genre NOT NULL,
    pages INTEGER
);
