-- One spelling per panel subject type (decision 008): a grant application is
-- "GrantApplication" in ReviewAssignment.subjectType, as it already is in
-- Attachment.subjectType and AuditEvent.entityType.
UPDATE "ReviewAssignment" SET "subjectType" = 'GrantApplication' WHERE "subjectType" = 'GRANT_APPLICATION';
