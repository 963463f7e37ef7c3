import type { Catalogue } from "../index";

export const reportMessages: Catalogue = {
  en: {},
  zh: {},
};
