-- Statement lines and payments are history like the ledger: never changed, never deleted.
CREATE TRIGGER statement_lines_append_only BEFORE UPDATE OR DELETE ON statement_lines FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER statement_payments_append_only BEFORE UPDATE OR DELETE ON statement_payments FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
