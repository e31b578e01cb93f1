-- CreateIndex
CREATE INDEX "GrantTranche_voucherNo_idx" ON "GrantTranche"("voucherNo");
