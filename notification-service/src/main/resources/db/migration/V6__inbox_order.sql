-- Issue 19, district-scale lists (decision 148): the in-app inbox's order (unread first, then newest) as an
-- index, so that a page is read in order instead of sorting every notification the person ever had.
create index notification_inbox_order on notification (recipient_id, (read_at is null) desc, created_at desc, id)
    where channel = 'IN_APP';
