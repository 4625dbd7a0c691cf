-- Changed warmup settings take effect the next day: the day of a change is still planned with the
-- settings it began with. They are kept beside the current ones until the next change.
ALTER TABLE mailboxes ADD COLUMN warmup_prev_daily_target INT NULL;
ALTER TABLE mailboxes ADD COLUMN warmup_prev_start_volume INT NULL;
ALTER TABLE mailboxes ADD COLUMN warmup_prev_ramp_up_per_day INT NULL;
ALTER TABLE mailboxes ADD COLUMN warmup_prev_reply_rate INT NULL;
ALTER TABLE mailboxes ADD COLUMN warmup_prev_weekdays_only BOOLEAN NULL;
ALTER TABLE mailboxes ADD COLUMN warmup_settings_changed_on DATE NULL;
