import type { Catalogue } from "../index";

export const ingestMessages: Catalogue = {
  en: {},
  zh: {},
};
