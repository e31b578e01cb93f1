import { describe, expect, test } from "vitest";
import { keepDraftDespite } from "~/modules/attachments/document-set.server";
import { setAsideRefusedUploads } from "~/modules/attachments/uploads.server";
import { EXE_BYTES, PDF_BYTES } from "./helpers/sample-files";

function form(intent: string) {
  const formData = new FormData();
  formData.set("intent", intent);
  formData.set("name", "晨光");
  formData.append("charterFile", new File([PDF_BYTES], "章程.pdf", { type: "application/pdf" }));
  formData.append("premisesFile", new File([EXE_BYTES], "住所.pdf", { type: "application/pdf" }));
  return formData;
}

describe("setAsideRefusedUploads", () => {
  test("keeps the fields and the valid file, and names the refused one at its field", async () => {
    const { formData, refused, names } = await setAsideRefusedUploads(form("save"));
    expect(formData.get("name")).toBe("晨光");
    expect((formData.get("charterFile") as File).name).toBe("章程.pdf");
    expect(formData.has("premisesFile")).toBe(false);
    expect(names).toEqual(["住所.pdf"]);
    expect(refused.premisesFile?.[0]).toMatch(/住所\.pdf.*该文件未保存/);
  });

  test("a submit with a refused file is saved as a draft and says it was not submitted", async () => {
    const { formData, refused } = await setAsideRefusedUploads(form("submit"));
    const kept = keepDraftDespite(refused, formData, { draft: "save" });
    expect(formData.get("intent")).toBe("save");
    expect(kept?.savedNote).toMatch(/^尚未提交/);
  });

  test("nothing refused: the form and its intent are untouched", async () => {
    const formData = form("submit");
    formData.delete("premisesFile");
    const result = await setAsideRefusedUploads(formData);
    expect(keepDraftDespite(result.refused, result.formData, { draft: "save" })).toBeNull();
    expect(result.formData.get("intent")).toBe("submit");
  });
});
