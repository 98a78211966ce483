-- tv_user has no source view v_user (it is filled by a trigger), so its data has no static shape.
CREATE TABLE tv_user (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);
