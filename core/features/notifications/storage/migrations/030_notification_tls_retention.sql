-- Outbound delivery over TLS (docs/notifications.md, "Delivery to other
-- channels"): an https:// webhook may be verified against a CA of the
-- district's own besides the system's trust store; mail may go through
-- STARTTLS with a user name and password (write-only in the API).
ALTER TABLE notification_district_delivery ADD COLUMN webhook_ca_pem TEXT NOT NULL DEFAULT '';
ALTER TABLE notification_district_delivery ADD COLUMN smtp_starttls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notification_district_delivery ADD COLUMN smtp_user TEXT NOT NULL DEFAULT '';
ALTER TABLE notification_district_delivery ADD COLUMN smtp_password TEXT NOT NULL DEFAULT '';

-- Retention: the background thread prunes, oldest first, read items and
-- finished deliveries older than the retention.
CREATE INDEX notifications_read_by_age ON notifications(created_at) WHERE read_at > 0;
CREATE INDEX notification_deliveries_finished_by_age ON notification_deliveries(created_at)
  WHERE status <> 'pending';
CREATE INDEX notification_deliveries_by_item ON notification_deliveries(notification_id);
