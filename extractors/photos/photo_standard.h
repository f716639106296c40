#pragma once
// The ID photo the notice asks for (七: 近期免冠2寸彩色证件照, white background, JPG), as measurable limits. Every
// threshold is here with why it is what it is; docs/PHOTOS.md shows them against the sample and real photos.
#include <vector>

namespace intake {

struct PhotoStandard {
  // --- size: the 2-inch (二寸) print is 35 × 49 mm; the studio "大二寸" 35 × 53 mm is as common and accepted.
  double width_mm = 35;
  std::vector<double> heights_mm{49, 53};
  // Width/height may differ this much (relative) from the nearest accepted format: studio crops and phone apps
  // round to the pixel, and 35 × 45 (passport) already falls outside.
  double aspect_tolerance = 0.05;
  // Pixels per inch the photo must hold at its print width: 300 dpi is what photo printers and the office's
  // document workflow assume (413 px across 35 mm).
  double min_dpi = 300;

  // --- background (白色背景): measured on a frame around the head, away from the shoulders: a band along the
  // top and bands down both sides to `side_band_bottom` of the height.
  double top_band_share = 0.04;    // of the height
  double side_band_share = 0.06;   // of the width
  double side_band_bottom = 0.45;  // of the height: below it shoulders reach the edges
  // The frame's median luminance (Rec. 601 luma, 0–255) must reach this. A white studio backdrop photographs at
  // 235–255; light grey (~200) and the other ID colours — blue (~130), red (~90) — fall well below.
  double min_background_luminance = 215;
  // The frame's median colour may lean this far to one channel (strongest minus weakest, 0–255). White balance
  // leaves a few levels; pale blue (~60) and pink (~40) backdrops are far past it.
  double max_background_cast = 15;
  // Share of the frame within `uniform_range` levels of its median colour in every channel: a plain backdrop is
  // nearly all of it, even with hair reaching into the frame; a room, a scene or a strong gradient is not.
  double min_background_uniform_share = 0.75;
  double uniform_range = 24;

  // --- colour (彩色): a colour photo's sitter has chroma; a greyscale one saved as RGB has almost none.
  double min_chroma = 6;  // mean (strongest − weakest channel) over the photo's centre, 0–255
  // Natural colour: the mean skin tone of the face's centre must fall in the skin cluster of YCbCr (Chai & Ngan,
  // "Face segmentation using skin-color map", IEEE TCSVT 9(4), 1999: Cb 77–127, Cr 133–173). A blue, green or
  // magenta cast moves every face out of it.
  double skin_cb_min = 77, skin_cb_max = 127, skin_cr_min = 133, skin_cr_max = 173;

  // --- face (免冠, head and shoulders). The detector's box runs from mid-forehead to the chin, about 0.6 of the
  // head's height (chin to crown). ID-photo standards put the head at roughly half to four fifths of the photo's
  // height (ICAO Doc 9303 part 3 / ISO/IEC 19794-5: 70–80 % on a 45 mm passport photo; Chinese 2-inch prints,
  // 49 mm high, carry the same head with more room), so the box is 0.22–0.50 of the height.
  double min_face_height_share = 0.22;
  double max_face_height_share = 0.50;
  // The crown is estimated this many box heights above the box (forehead and hair). It must lie inside the
  // photo (a cut head), and at most `max_top_margin_share` of the height below the top edge (a head too low).
  double crown_above_box = 0.45;
  double max_top_margin_share = 0.25;
  // The face centre's horizontal distance from the photo's centre, as a share of the width (ICAO: centred).
  double max_centre_offset_share = 0.08;
  // Sharpness: variance of the Laplacian of the face brought to `sharpness_face_width` pixels wide and stretched
  // to the full grey range, so the measure depends neither on the file's resolution nor on its exposure. On the
  // sample and real ID-style photos (docs/PHOTOS.md) in-focus faces measure 112–715; blurred by a Gaussian of
  // 1.5 px at that width 24–55, of 2 px 15–35. The limit keeps a factor two below the softest sharp face.
  int sharpness_face_width = 128;
  double min_sharpness = 50;
  // Exposure of the skin inside the face box (its middle three fifths across, 70 % down from a fifth): mean
  // luminance within limits, and not much of it clipped to white or black.
  double min_face_luminance = 60;
  double max_face_luminance = 215;
  double max_clipped_share = 0.15;  // of that skin at ≥ 250 (overexposed) or ≤ 8 (underexposed)
};

}  // namespace intake
