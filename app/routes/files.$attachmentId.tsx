import fs from "node:fs";
import type { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { canViewAttachment, isPublicAttachment } from "~/modules/attachments/access.server";
import { resolveStoragePath } from "~/modules/attachments/uploads.server";
import { getUser, loginRedirect } from "~/modules/auth/auth.server";
import { forbidden } from "~/modules/auth/permissions.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";

const INLINE_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

// A product image stops being public when the product is taken down, so shared caches keep it briefly.
function cacheControl(isPublic: boolean, subjectType: string | null) {
  if (!isPublic) return "private, no-store";
  return subjectType === "Product" ? "public, max-age=300" : "public, max-age=86400";
}

// Serves stored uploads only to people allowed to see them. Files live in
// data/uploads, outside public/, so this route is the only way to reach them.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const attachment = await prisma.attachment.findUnique({
    where: { id: params.attachmentId ?? "" },
    select: {
      storageKey: true,
      mimeType: true,
      sizeBytes: true,
      originalName: true,
      isPublic: true,
      uploaderId: true,
      organizationId: true,
      subjectType: true,
      subjectId: true,
      purpose: true,
    },
  });
  invariantResponse(attachment, "未找到该文件", { status: 404 });
  const user = await getUser(request);
  if (!(await canViewAttachment(user, attachment))) {
    // A product image out of the catalogue is "not found" to the public, as the product page is.
    invariantResponse(attachment.subjectType !== "Product", "未找到该文件", { status: 404 });
    if (!user) throw loginRedirect(request);
    throw forbidden("您没有权限查看该文件");
  }
  const cacheable = await isPublicAttachment(attachment);
  const filePath = resolveStoragePath(attachment.storageKey);
  invariantResponse(fs.existsSync(filePath), "文件已丢失", { status: 404 });

  const disposition = INLINE_TYPES.has(attachment.mimeType) ? "inline" : "attachment";
  const stream = createReadableStreamFromReadable(fs.createReadStream(filePath) as Readable);
  return new Response(stream, {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(attachment.originalName)}`,
      "Cache-Control": cacheControl(cacheable, attachment.subjectType),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
