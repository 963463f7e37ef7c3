import type { Catalogue } from "../index";

export const engineMessages: Catalogue = {
  en: {},
  zh: {},
};
