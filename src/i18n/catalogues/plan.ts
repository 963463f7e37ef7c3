import type { Catalogue } from "../index";

export const planMessages: Catalogue = {
  en: {},
  zh: {},
};
