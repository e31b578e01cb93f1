-- AlterTable
ALTER TABLE "Order" ADD COLUMN "latePaymentIntentId" TEXT;
ALTER TABLE "Order" ADD COLUMN "lateRefundFen" INTEGER;
ALTER TABLE "Order" ADD COLUMN "lateRefundId" TEXT;
ALTER TABLE "Order" ADD COLUMN "lateRefundedAt" DATETIME;

-- CreateTable
CREATE TABLE "OrderLookupAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ipHash" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "OrderLookupAttempt_ipHash_createdAt_idx" ON "OrderLookupAttempt"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "OrderLookupAttempt_orderNo_createdAt_idx" ON "OrderLookupAttempt"("orderNo", "createdAt");

-- CreateIndex
CREATE INDEX "OrderLookupAttempt_createdAt_idx" ON "OrderLookupAttempt"("createdAt");
