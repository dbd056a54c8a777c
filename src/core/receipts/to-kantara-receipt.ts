import type { Config, Language, LocalizedText, Receipt } from '../types.js';

/** One purpose of a Kantara Consent Receipt 1.1 service. */
export interface KantaraPurpose {
  purpose: string;
  purposeCategory: string[];
  consentType: 'EXPLICIT';
  piiCategory: string[];
  primaryPurpose: boolean;
  termination: string;
  thirdPartyDisclosure: boolean;
  thirdPartyName?: string;
}

/** A Kantara Initiative Consent Receipt, specification v1.1.0. */
export interface KantaraReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  /** Seconds since the epoch. */
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  publicKey?: string;
  language: Language;
  piiPrincipalId: string;
  piiControllers: Array<{
    piiController: string;
    contact: string;
    address?: string;
    email?: string;
    phone?: string;
    piiControllerUrl?: string;
  }>;
  policyUrl: string;
  services: Array<{ service: string; purposes: KantaraPurpose[] }>;
  sensitive: boolean;
  spiCat: string[];
}

const TERMINATION = {
  th: (days: number) => `เมื่อถอนความยินยอม หรือเมื่อครบ ${days} วันนับจากวันที่ให้ความยินยอม`,
  en: (days: number) => `On withdrawal, or ${days} days after the decision`,
};

/**
 * The receipt as a Kantara Consent Receipt v1.1 document, for a person to download.
 * Texts are in the receipt's language. Kantara records what was consented to, so only the
 * granted choices become purposes (the receipt itself keeps the refusals). A category maps
 * to a purpose whose `piiCategory` lists its cookies; a purpose brings its `data`,
 * `retention` and `recipients`. Sensitive purposes (PDPA s.26) set `sensitive` and list
 * their data in `spiCat`. `policyUrl` is the notice URL when the config has one, otherwise
 * the page where the decision was made. Ids the config does not know are left out.
 *
 * @param config the config the receipt was made under (`expiresDays` defaults to 365).
 * @param publicKey a public key to include, if the site signs its receipts; default none.
 */
export function toKantaraReceipt(receipt: Receipt, config: Config, publicKey?: string): KantaraReceipt {
  const lang = receipt.language;
  const text = (value: LocalizedText | undefined) => (value === undefined ? undefined : typeof value === 'string' ? value : (value[lang] ?? value.th));
  const termination = TERMINATION[lang](config.expiresDays ?? 365);
  const page = receipt.origin + receipt.page;
  const noticeUrl = typeof config.notice === 'string' ? config.notice : config.notice.url;
  const purposes: KantaraPurpose[] = [];
  const spiCat: string[] = [];

  for (const [id, granted] of Object.entries(receipt.choices)) {
    if (!granted) continue;
    const category = config.categories.find((c) => c.id === id);
    const purpose = config.purposes?.find((p) => p.id === id);
    if (category) {
      const providers = [...new Set((category.cookies ?? []).map((c) => text(c.provider)).filter(Boolean))] as string[];
      purposes.push({
        purpose: text(category.title)!,
        purposeCategory: [id],
        consentType: 'EXPLICIT',
        piiCategory: (category.cookies ?? []).map((c) => c.name),
        primaryPurpose: false,
        termination,
        thirdPartyDisclosure: providers.length > 0,
        ...(providers.length ? { thirdPartyName: providers.join(', ') } : {}),
      });
    } else if (purpose) {
      const data = (purpose.data ?? []).map((d) => text(d)!);
      const recipients = (purpose.recipients ?? []).map((r) => text(r)!);
      if (purpose.sensitive) spiCat.push(...(data.length ? data : [text(purpose.title)!]));
      purposes.push({
        purpose: text(purpose.title)!,
        purposeCategory: [id],
        consentType: 'EXPLICIT',
        piiCategory: data,
        primaryPurpose: false,
        termination: text(purpose.retention) ?? termination,
        thirdPartyDisclosure: recipients.length > 0,
        ...(recipients.length ? { thirdPartyName: recipients.join(', ') } : {}),
      });
    }
  }

  const { controller } = config;
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'TH',
    consentTimestamp: Math.floor(Date.parse(receipt.time) / 1000),
    collectionMethod: receipt.method,
    consentReceiptID: receipt.id,
    ...(publicKey ? { publicKey } : {}),
    language: lang,
    piiPrincipalId: receipt.subject,
    piiControllers: [
      {
        piiController: text(controller.name)!,
        contact: text(controller.name)!,
        address: text(controller.address),
        email: controller.email,
        phone: controller.phone,
        piiControllerUrl: controller.url,
      },
    ],
    policyUrl: noticeUrl ? new URL(noticeUrl, page).href : page,
    services: [{ service: new URL(receipt.origin).host, purposes }],
    sensitive: spiCat.length > 0,
    spiCat,
  };
}
