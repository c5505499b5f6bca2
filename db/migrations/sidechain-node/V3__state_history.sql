-- The history window: for each of the latest N blocks (bridge.sidechain.history.blocks), the value
-- every key it changed had before it (NULL: the key did not exist). With the state table (the
-- latest block) this answers state reads at any block in the window, also after a restart.
-- Written in the block's own transaction; rows older than the window are deleted there too.
CREATE TABLE state_history (
    block_number BIGINT NOT NULL CHECK (block_number > 0),
    key          BYTEA  NOT NULL,
    previous     BYTEA,
    PRIMARY KEY (block_number, key)
);
