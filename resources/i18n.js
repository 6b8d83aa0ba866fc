/* The page's texts in the visitor's language. Served after the language's table as the asset
   i18n-<lang>.js (server/pages.py): window.pierI18n holds the catalogue's messages that the
   scripts use, their plural forms, which form each Intl.PluralRules category takes, and how the
   language writes sizes. The scripts call t("Text {name}", {name}) and
   tn("{n} file", "{n} files", n); a message the table lacks is shown as written (English). */
"use strict";

(function () {
  const table = window.pierI18n || {};
  const lang = table.lang || document.documentElement.lang || "en";
  const messages = table.messages || {};
  const plurals = table.plurals || {};
  const pluralIndex = table.pluralIndex || {};
  const units = table.units || {};
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);

  function fill(text, values) {
    if (!values) {
      return text;
    }
    return text.replace(/\{(\w+)\}/g, (whole, key) =>
      Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole);
  }

  function t(message, values) {
    return fill(Object.prototype.hasOwnProperty.call(messages, message) ?
      messages[message] : message, values);
  }

  function number(n) {
    return numbers.format(n);
  }

  function tn(singular, plural, n, values) {
    const forms = Object.prototype.hasOwnProperty.call(plurals, singular) ?
      plurals[singular] : null;
    let text = n === 1 ? singular : plural;
    if (forms) {
      const index = pluralIndex[rules.select(n)];
      text = forms[index === undefined ? forms.length - 1 : index] || forms[forms.length - 1];
    }
    return fill(text, Object.assign({ n: number(n) }, values || {}));
  }

  /** "1.2 MB" (server/units.py's text) as the language writes it: "1,2 Mo". */
  function localSize(text) {
    const space = text.indexOf(" ");
    if (space < 0 || !units[text.slice(space + 1)]) {
      return text;
    }
    const digits = text.slice(0, space).replace(".", table.decimal || ".");
    return units[text.slice(space + 1)].replace("{}", digits);
  }

  window.pierText = Object.freeze({ lang, t, tn, number, localSize });
})();
