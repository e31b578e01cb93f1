-- AlterTable
ALTER TABLE "GrantProject" ADD COLUMN "leftoverNote" TEXT;

-- CreateTable
CREATE TABLE "GrantRefundReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "refundId" TEXT NOT NULL,
    "receivedOn" DATETIME NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "voucherNo" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantRefundReceipt_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "GrantRefund" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "GrantRefundReceipt_refundId_receivedOn_idx" ON "GrantRefundReceipt"("refundId", "receivedOn");
