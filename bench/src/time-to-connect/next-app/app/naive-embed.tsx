// The bench's naive embed (../../../naive-embed.tsx); the copy that next-variant.mjs builds holds
// that file itself here, as the copy cannot reach outside its folder.
export { NaiveEmbed } from '../../../naive-embed';
