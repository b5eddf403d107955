// The number-less wording of one language ("your local emergency number"): local-number.ts fills and uses it.
export interface LocalNumberWording {
  /** "your local emergency number", shaped to stand where the number stands in this language's texts. */
  phrase: string;
  /** The notice's first sentence without a number. */
  emergency: string;
  /** The fixed answer after an emergency notice, without a number. */
  afterNotice: string;
  /**
   * The notice's crisis sentence without a number, where "call that same number" reads oddly after a phrase that named none
   * (Chinese "这个号码", Arabic "الرقم نفسه"): the local emergency number or the local crisis line, both named in words.
   */
  crisisOne?: string;
}
