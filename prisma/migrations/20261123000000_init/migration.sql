-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Password" (
    "hash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewerProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "expertiseTags" TEXT NOT NULL DEFAULT '[]',
    "title" TEXT,
    "employer" TEXT,
    CONSTRAINT "ReviewerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewerAffiliation" (
    "reviewerId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("reviewerId", "organizationId"),
    CONSTRAINT "ReviewerAffiliation_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewerAffiliation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uscc" TEXT,
    "address" TEXT,
    "areaCode" TEXT,
    "area" TEXT,
    "purpose" TEXT,
    "scope" TEXT,
    "legalRepresentative" TEXT,
    "capitalFen" BIGINT,
    "category" TEXT,
    "supervisingUnit" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PREPARING',
    "registeredAt" DATETIME,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "currentGrade" INTEGER
);

-- CreateTable
CREATE TABLE "Membership" (
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "organizationId"),
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "reason" TEXT,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "uploaderId" TEXT,
    "organizationId" TEXT,
    "purpose" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "description" TEXT,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attachment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RuleParameter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RegistrationApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orgType" TEXT NOT NULL,
    "proposedName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "data" TEXT NOT NULL DEFAULT '{}',
    "correctionNotes" TEXT,
    "decisionReason" TEXT,
    "submissions" INTEGER NOT NULL DEFAULT 0,
    "firstSubmittedAt" DATETIME,
    "submittedAt" DATETIME,
    "dueAt" DATETIME,
    "decidedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegistrationApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganizationChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "field" TEXT,
    "oldValue" TEXT,
    "newValue" TEXT,
    "reason" TEXT,
    "effectiveAt" DATETIME NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganizationChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "authority" TEXT,
    "decidedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CreditRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganizationGrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "announcedAt" DATETIME NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganizationGrade_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncubationApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'APPLIED',
    "plan" TEXT NOT NULL,
    "needs" TEXT NOT NULL DEFAULT '[]',
    "appliedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstCheckDueAt" DATETIME NOT NULL,
    "firstCheckAt" DATETIME,
    "firstCheckNote" TEXT,
    "reviewAt" DATETIME,
    "reviewNote" TEXT,
    "agreementNo" TEXT,
    "termStart" DATETIME,
    "termEnd" DATETIME,
    "exitResult" TEXT,
    "exitAt" DATETIME,
    "exitNote" TEXT,
    "handoverDueAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IncubationApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncubationService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incubationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "providedAt" DATETIME NOT NULL,
    "amountFen" INTEGER,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IncubationService_incubationId_fkey" FOREIGN KEY ("incubationId") REFERENCES "IncubationApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "deadline" DATETIME NOT NULL,
    "foundationDeadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "missedMarkedAt" DATETIME
);

-- CreateTable
CREATE TABLE "InspectionReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "exemptReason" TEXT,
    "simplified" BOOLEAN NOT NULL DEFAULT false,
    "data" TEXT NOT NULL DEFAULT '{}',
    "submittedAt" DATETIME,
    "returnNote" TEXT,
    "supervisorOpinion" TEXT,
    "supervisorNote" TEXT,
    "conclusion" TEXT,
    "conclusionReason" TEXT,
    "concludedAt" DATETIME,
    "concludedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InspectionReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InspectionReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "requirement" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "reportText" TEXT,
    "submittedAt" DATETIME,
    "reviewNote" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rectification_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "InspectionReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rectification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "categories" TEXT NOT NULL DEFAULT '[]',
    "poolFen" BIGINT NOT NULL,
    "perProjectCapFen" INTEGER NOT NULL,
    "maxGrantSharePct" INTEGER NOT NULL,
    "minMatchRatioPct" INTEGER NOT NULL DEFAULT 0,
    "overheadCapPct" INTEGER NOT NULL,
    "applyOpensAt" DATETIME NOT NULL,
    "applyClosesAt" DATETIME NOT NULL,
    "screeningEndsAt" DATETIME NOT NULL,
    "reviewEndsAt" DATETIME NOT NULL,
    "publicityDays" INTEGER NOT NULL DEFAULT 7,
    "signingEndsAt" DATETIME NOT NULL,
    "eligibility" TEXT NOT NULL DEFAULT '{}',
    "reviewersPerApplication" INTEGER NOT NULL DEFAULT 3,
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "aggregation" TEXT NOT NULL DEFAULT 'MEAN',
    "disagreementThreshold" INTEGER NOT NULL DEFAULT 20,
    "publicityStartsAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GrantCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "maxScore" INTEGER NOT NULL,
    "weightPct" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "GrantCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantTranchePlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    CONSTRAINT "GrantTranchePlan_callId_fkey" FOREIGN KEY ("callId") REFERENCES "GrantCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "category" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "projectStart" DATETIME,
    "projectEnd" DATETIME,
    "requestedFen" INTEGER NOT NULL DEFAULT 0,
    "ownFundsFen" INTEGER NOT NULL DEFAULT 0,
    "matchedFen" INTEGER NOT NULL DEFAULT 0,
    "totalBudgetFen" INTEGER NOT NULL DEFAULT 0,
    "correctionNotes" TEXT,
    "correctionDueAt" DATETIME,
    "screeningNote" TEXT,
    "autoChecks" TEXT,
    "submittedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantApplication_callId_fkey" FOREIGN KEY ("callId") REFERENCES "GrantCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantBudgetLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "requestedFen" INTEGER NOT NULL DEFAULT 0,
    "ownFen" INTEGER NOT NULL DEFAULT 0,
    "matchedFen" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantBudgetLine_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantMilestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" DATETIME NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantMilestone_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantIndicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "GrantIndicator_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ASSIGNED',
    "assignmentSeed" TEXT,
    "comment" TEXT,
    "recommendation" TEXT,
    "recuseReason" TEXT,
    "dueAt" DATETIME,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "assignmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" REAL NOT NULL,

    PRIMARY KEY ("assignmentId", "criterionId"),
    CONSTRAINT "ReviewScore_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewAssignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantAward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "finalScore" REAL NOT NULL,
    "proposedFen" INTEGER NOT NULL,
    "approvedFen" INTEGER,
    "overrideReason" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantAward_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantObjection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "reply" TEXT,
    "accessToken" TEXT NOT NULL,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantObjection_callId_fkey" FOREIGN KEY ("callId") REFERENCES "GrantCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GrantObjection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantAgreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "agreementNo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantAgreement_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantDisbursement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "dueAt" DATETIME,
    "paidAt" DATETIME,
    "reference" TEXT,
    CONSTRAINT "GrantDisbursement_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantEvaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "score" REAL,
    "grade" TEXT,
    "conclusion" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantEvaluation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantProgressReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantProgressReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "GrantApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "makerStory" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "soldCount" INTEGER NOT NULL DEFAULT 0,
    "makerSharePct" INTEGER NOT NULL,
    "fundSharePct" INTEGER NOT NULL,
    "fundName" TEXT,
    "allowShipping" BOOLEAN NOT NULL DEFAULT true,
    "allowPickup" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "returnReason" TEXT,
    "listedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderNo" TEXT NOT NULL,
    "buyerName" TEXT NOT NULL,
    "buyerPhone" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "address" TEXT,
    "paymentMethod" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING_PAYMENT',
    "totalFen" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "paymentReference" TEXT,
    "stripeSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "refundedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "unitPriceFen" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "makerSharePct" INTEGER NOT NULL,
    "fundSharePct" INTEGER NOT NULL,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "processedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_createdAt_idx" ON "User"("role", "createdAt");

-- CreateIndex
CREATE INDEX "User_status_idx" ON "User"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Password_userId_key" ON "Password"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewerAffiliation_organizationId_idx" ON "ReviewerAffiliation"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_uscc_key" ON "Organization"("uscc");

-- CreateIndex
CREATE INDEX "Organization_status_type_idx" ON "Organization"("status", "type");

-- CreateIndex
CREATE INDEX "Organization_type_name_idx" ON "Organization"("type", "name");

-- CreateIndex
CREATE INDEX "Organization_status_name_idx" ON "Organization"("status", "name");

-- CreateIndex
CREATE INDEX "Organization_status_registeredAt_idx" ON "Organization"("status", "registeredAt");

-- CreateIndex
CREATE INDEX "Organization_status_areaCode_idx" ON "Organization"("status", "areaCode");

-- CreateIndex
CREATE INDEX "Organization_status_currentGrade_idx" ON "Organization"("status", "currentGrade");

-- CreateIndex
CREATE INDEX "Organization_registeredAt_idx" ON "Organization"("registeredAt");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_organizationId_purpose_createdAt_idx" ON "Attachment"("organizationId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_subjectType_subjectId_idx" ON "Attachment"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "RuleParameter_key_effectiveFrom_idx" ON "RuleParameter"("key", "effectiveFrom");

-- CreateIndex
CREATE INDEX "RegistrationApplication_status_dueAt_idx" ON "RegistrationApplication"("status", "dueAt");

-- CreateIndex
CREATE INDEX "RegistrationApplication_organizationId_createdAt_idx" ON "RegistrationApplication"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "OrganizationChange_organizationId_effectiveAt_idx" ON "OrganizationChange"("organizationId", "effectiveAt");

-- CreateIndex
CREATE INDEX "CreditRecord_organizationId_decidedAt_idx" ON "CreditRecord"("organizationId", "decidedAt");

-- CreateIndex
CREATE INDEX "CreditRecord_kind_decidedAt_idx" ON "CreditRecord"("kind", "decidedAt");

-- CreateIndex
CREATE INDEX "OrganizationGrade_organizationId_validTo_idx" ON "OrganizationGrade"("organizationId", "validTo");

-- CreateIndex
CREATE INDEX "IncubationApplication_status_appliedAt_idx" ON "IncubationApplication"("status", "appliedAt");

-- CreateIndex
CREATE INDEX "IncubationApplication_organizationId_appliedAt_idx" ON "IncubationApplication"("organizationId", "appliedAt");

-- CreateIndex
CREATE INDEX "IncubationService_incubationId_providedAt_idx" ON "IncubationService"("incubationId", "providedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionRound_year_key" ON "InspectionRound"("year");

-- CreateIndex
CREATE INDEX "InspectionReport_roundId_status_idx" ON "InspectionReport"("roundId", "status");

-- CreateIndex
CREATE INDEX "InspectionReport_organizationId_year_idx" ON "InspectionReport"("organizationId", "year");

-- CreateIndex
CREATE INDEX "InspectionReport_year_conclusion_idx" ON "InspectionReport"("year", "conclusion");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionReport_roundId_organizationId_key" ON "InspectionReport"("roundId", "organizationId");

-- CreateIndex
CREATE INDEX "Rectification_organizationId_status_idx" ON "Rectification"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Rectification_status_dueAt_idx" ON "Rectification"("status", "dueAt");

-- CreateIndex
CREATE INDEX "GrantCall_status_applyClosesAt_idx" ON "GrantCall"("status", "applyClosesAt");

-- CreateIndex
CREATE INDEX "GrantCall_year_idx" ON "GrantCall"("year");

-- CreateIndex
CREATE INDEX "GrantCriterion_callId_position_idx" ON "GrantCriterion"("callId", "position");

-- CreateIndex
CREATE INDEX "GrantTranchePlan_callId_position_idx" ON "GrantTranchePlan"("callId", "position");

-- CreateIndex
CREATE INDEX "GrantApplication_callId_status_idx" ON "GrantApplication"("callId", "status");

-- CreateIndex
CREATE INDEX "GrantApplication_callId_category_idx" ON "GrantApplication"("callId", "category");

-- CreateIndex
CREATE INDEX "GrantApplication_organizationId_createdAt_idx" ON "GrantApplication"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "GrantBudgetLine_applicationId_position_idx" ON "GrantBudgetLine"("applicationId", "position");

-- CreateIndex
CREATE INDEX "GrantMilestone_applicationId_position_idx" ON "GrantMilestone"("applicationId", "position");

-- CreateIndex
CREATE INDEX "GrantIndicator_applicationId_position_idx" ON "GrantIndicator"("applicationId", "position");

-- CreateIndex
CREATE INDEX "ReviewAssignment_reviewerId_status_idx" ON "ReviewAssignment"("reviewerId", "status");

-- CreateIndex
CREATE INDEX "ReviewAssignment_subjectType_subjectId_idx" ON "ReviewAssignment"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_subjectType_subjectId_reviewerId_key" ON "ReviewAssignment"("subjectType", "subjectId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantAward_applicationId_key" ON "GrantAward"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantObjection_accessToken_key" ON "GrantObjection"("accessToken");

-- CreateIndex
CREATE INDEX "GrantObjection_callId_status_idx" ON "GrantObjection"("callId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "GrantAgreement_applicationId_key" ON "GrantAgreement"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantAgreement_agreementNo_key" ON "GrantAgreement"("agreementNo");

-- CreateIndex
CREATE INDEX "GrantDisbursement_applicationId_position_idx" ON "GrantDisbursement"("applicationId", "position");

-- CreateIndex
CREATE INDEX "GrantDisbursement_status_dueAt_idx" ON "GrantDisbursement"("status", "dueAt");

-- CreateIndex
CREATE INDEX "GrantEvaluation_applicationId_kind_idx" ON "GrantEvaluation"("applicationId", "kind");

-- CreateIndex
CREATE INDEX "GrantProgressReport_applicationId_submittedAt_idx" ON "GrantProgressReport"("applicationId", "submittedAt");

-- CreateIndex
CREATE INDEX "Product_status_listedAt_idx" ON "Product"("status", "listedAt");

-- CreateIndex
CREATE INDEX "Product_status_category_listedAt_idx" ON "Product"("status", "category", "listedAt");

-- CreateIndex
CREATE INDEX "Product_status_priceFen_idx" ON "Product"("status", "priceFen");

-- CreateIndex
CREATE INDEX "Product_status_soldCount_idx" ON "Product"("status", "soldCount");

-- CreateIndex
CREATE INDEX "Product_organizationId_status_idx" ON "Product"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProductImage_attachmentId_key" ON "ProductImage"("attachmentId");

-- CreateIndex
CREATE INDEX "ProductImage_productId_position_idx" ON "ProductImage"("productId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Order_orderNo_key" ON "Order"("orderNo");

-- CreateIndex
CREATE UNIQUE INDEX "Order_stripeSessionId_key" ON "Order"("stripeSessionId");

-- CreateIndex
CREATE INDEX "Order_status_expiresAt_idx" ON "Order"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Order_buyerPhone_orderNo_idx" ON "Order"("buyerPhone", "orderNo");

-- CreateIndex
CREATE INDEX "Order_createdAt_idx" ON "Order"("createdAt");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE INDEX "OrderLine_organizationId_orderId_idx" ON "OrderLine"("organizationId", "orderId");

