-- Posts come first in file order, yet reference tb_user of the next file
CREATE TABLE tb_post (
    pk_post INTEGER PRIMARY KEY,
    fk_user INTEGER NOT NULL REFERENCES tb_user (pk_user) ON DELETE CASCADE,
    fk_editor INTEGER,
    title TEXT NOT NULL, -- REFERENCES in a comment is not a key
    CONSTRAINT fk_post_editor FOREIGN KEY (fk_editor) REFERENCES tb_user (pk_user)
);
